import type { PartyStatus } from '../../contracts/common';
import { PARTY_STATUS_LABELS, PARTY_STATUSES } from '../../contracts/labels/common';

/**
 * What a set of 党员身份 (`points.ranking` / `export` `statuses`) is called on a sheet: 党员 for 正式 and
 * 预备 together, a status's own name, or the names joined (`发展对象、入党申请人`) in the statuses' order;
 * '' for no filter (everyone).
 */
export function categoryLabel(statuses: readonly PartyStatus[] | null | undefined): string {
  if (!statuses?.length) return '';
  const chosen = PARTY_STATUSES.filter((status) => statuses.includes(status));
  if (chosen.length === 2 && chosen[0] === 'full' && chosen[1] === 'probationary') return '党员';
  return chosen.map((status) => PARTY_STATUS_LABELS[status]).join('、');
}
