import { useMemo, useRef, useState } from 'react';
import {
  EMPTY_LEDGER_FILTER,
  isFiltered,
  ledgerFilterError,
  ledgerQuery,
  ruleFilterOptions,
  type LedgerFilter,
  type LedgerQuery,
} from '@/features/points/model/ledger-filter';
import { getPointsRules } from '@/features/points/services/points';
import { useDebounced } from '@/hooks/useDebounced';
import { useRequest } from '@/hooks/useRequest';

/**
 * 积分明细's filters: the name is asked for once typing pauses; a date range that cannot be
 * (end before start) keeps the list as it was and says why.
 */
export function usePointsLedgerFilter() {
  const [filter, setFilter] = useState<LedgerFilter>(EMPTY_LEDGER_FILTER);
  const memberName = useDebounced(filter.memberName, 400);
  const rules = useRequest(getPointsRules, []);
  const error = ledgerFilterError(filter);
  const lastValid = useRef<LedgerQuery>({});
  const query = useMemo(() => {
    if (!error) lastValid.current = ledgerQuery({ ...filter, memberName });
    return lastValid.current;
  }, [error, filter, memberName]);
  const set = (patch: Partial<LedgerFilter>) => setFilter((f) => ({ ...f, ...patch }));
  return {
    filter,
    query,
    error,
    filtered: isFiltered(filter),
    ruleOptions: ruleFilterOptions(rules.data?.items ?? []),
    set,
    clear: () => setFilter(EMPTY_LEDGER_FILTER),
  };
}

export type PointsLedgerFilterState = ReturnType<typeof usePointsLedgerFilter>;
