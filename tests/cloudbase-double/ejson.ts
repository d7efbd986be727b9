/**
 * The part of MongoDB Extended JSON the CloudBase SDK sends: it serialises queries and documents
 * with `EJSON.stringify(value, { relaxed: false })`, so numbers arrive wrapped
 * (`{"$numberInt":"5"}`), regular expressions as `$regularExpression` and dates as `$date`.
 * Written here rather than borrowed from the SDK's own `bson`, so that the double does not share
 * the serialiser it is meant to check.
 */

export class EjsonError extends Error {}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);

function number(text: unknown, type: string): number {
  if (typeof text !== 'string') throw new EjsonError(`${type} must hold a string`);
  const value = Number(text);
  if (Number.isNaN(value) && text !== 'NaN') throw new EjsonError(`bad ${type}: ${text}`);
  if (type === '$numberLong' && !Number.isSafeInteger(value)) throw new EjsonError(`$numberLong out of range: ${text}`);
  return value;
}

function regExp(body: unknown): RegExp {
  if (!isRecord(body) || typeof body.pattern !== 'string') throw new EjsonError('bad $regularExpression');
  const options = typeof body.options === 'string' ? body.options : '';
  if (/[^ims]/.test(options)) throw new EjsonError(`unsupported regular expression options: ${options}`);
  return new RegExp(body.pattern, options);
}

function date(body: unknown): Date {
  if (isRecord(body) && '$numberLong' in body) return new Date(number(body.$numberLong, '$numberLong'));
  if (typeof body === 'string' || typeof body === 'number') return new Date(body);
  throw new EjsonError('bad $date');
}

const WRAPPERS: Record<string, (body: unknown) => unknown> = {
  $numberInt: (body) => number(body, '$numberInt'),
  $numberDouble: (body) => number(body, '$numberDouble'),
  $numberLong: (body) => number(body, '$numberLong'),
  $regularExpression: regExp,
  $date: date,
};

const UNSUPPORTED = ['$oid', '$numberDecimal', '$binary', '$timestamp', '$symbol', '$code', '$minKey', '$maxKey'];

/** Turns parsed Extended JSON into plain values (numbers, RegExp, Date). */
export function fromEjson(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(fromEjson);
  if (!isRecord(value)) return value;
  const keys = Object.keys(value);
  if (keys.length === 1 && keys[0] in WRAPPERS) return WRAPPERS[keys[0]](value[keys[0]]);
  if (keys.length === 1 && UNSUPPORTED.includes(keys[0])) throw new EjsonError(`unsupported EJSON type ${keys[0]}`);
  return Object.fromEntries(keys.map((key) => [key, fromEjson(value[key])]));
}

export function parseEjson(text: unknown): unknown {
  if (typeof text !== 'string') throw new EjsonError('expected an EJSON string');
  return fromEjson(JSON.parse(text));
}

/** Relaxed Extended JSON, as the server answers: plain JSON except dates and non-finite numbers. */
export function toEjson(value: unknown): unknown {
  if (value instanceof Date) return { $date: { $numberLong: String(value.getTime()) } };
  if (typeof value === 'number' && !Number.isFinite(value)) return { $numberDouble: String(value) };
  if (Array.isArray(value)) return value.map(toEjson);
  if (isRecord(value)) return Object.fromEntries(Object.entries(value).map(([key, v]) => [key, toEjson(v)]));
  return value;
}

export const stringifyEjson = (value: unknown): string => JSON.stringify(toEjson(value));
