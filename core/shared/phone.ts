/** Masks a mainland mobile number as 138****1234; anything else keeps only its last two characters. */
export function maskPhone(phone: string): string {
  if (/^1\d{10}$/.test(phone)) return `${phone.slice(0, 3)}****${phone.slice(7)}`;
  return phone.length <= 2 ? '**' : `${'*'.repeat(phone.length - 2)}${phone.slice(-2)}`;
}

/** A number as the caller may see it: in full, masked, or null when there is none. */
export const shownNumber = (value: string | null | undefined, full: boolean): string | null =>
  value ? (full ? value : maskPhone(value)) : null;
