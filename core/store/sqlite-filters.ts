import { InvalidQueryError, type Condition, type Filter, type Scalar } from './port';

/** Query filters compiled to SQL over the JSON documents: `json_extract` of a checked field path, bound values. */

const FIELD = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/;

export function column(field: string): string {
  if (field === '_id') return '_id';
  if (!FIELD.test(field)) throw new InvalidQueryError(`invalid field name: ${field}`);
  return `json_extract(doc, '$.${field}')`;
}

function bindable(value: Scalar): Scalar {
  return typeof value === 'boolean' ? (value ? 1 : 0) : value;
}

function compileCondition(field: string, condition: Condition, params: Scalar[]): string[] {
  const col = column(field);
  if (condition === null || typeof condition !== 'object') {
    if (condition === null) return [`${col} IS NULL`];
    params.push(bindable(condition));
    return [`${col} = ?`];
  }
  const clauses: string[] = [];
  for (const [op, value] of Object.entries(condition)) {
    if (value === undefined) continue;
    switch (op) {
      case '$eq':
        clauses.push(...compileCondition(field, value as Scalar, params));
        break;
      case '$ne':
        if (value === null) clauses.push(`${col} IS NOT NULL`);
        else {
          params.push(bindable(value as Scalar));
          clauses.push(`(${col} IS NULL OR ${col} != ?)`);
        }
        break;
      case '$in': {
        const values = value as Scalar[];
        const nonNull = values.filter((v) => v !== null);
        const parts: string[] = [];
        if (nonNull.length) {
          params.push(...nonNull.map(bindable));
          parts.push(`${col} IN (${nonNull.map(() => '?').join(', ')})`);
        }
        if (nonNull.length !== values.length) parts.push(`${col} IS NULL`);
        clauses.push(parts.length ? `(${parts.join(' OR ')})` : '0');
        break;
      }
      case '$gt':
      case '$gte':
      case '$lt':
      case '$lte': {
        const sql = { $gt: '>', $gte: '>=', $lt: '<', $lte: '<=' }[op];
        params.push(value as string | number);
        clauses.push(`${col} ${sql} ?`);
        break;
      }
      case '$contains':
        params.push(String(value));
        clauses.push(`instr(lower(${col}), lower(?)) > 0`);
        break;
      default:
        throw new InvalidQueryError(`unsupported operator ${op}`);
    }
  }
  return clauses;
}

export function compileWhere(where: Filter | undefined, params: Scalar[]): string {
  const clauses = Object.entries(where ?? {}).flatMap(([field, condition]) =>
    compileCondition(field, condition, params),
  );
  return clauses.length ? ` WHERE ${clauses.join(' AND ')}` : '';
}
