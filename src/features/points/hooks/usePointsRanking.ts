import { useEffect, useRef, useState } from 'react';
import type { PartyStatus, Period, PointsOutputs } from '@contracts';
import {
  LONGER_PERIOD,
  MEMBER_VISIBILITY_NOTE,
  periodAnchor,
  periodLabel,
  rankingHasPoints,
} from '@/features/points/model/points';
import { todayInChina } from '@/utils/dates';
import { getPointsRules } from '@/features/points/services/points';
import { getPointsRanking } from '@/features/points/services/ranking';
import { useRequest, type RequestState } from '@/hooks/useRequest';
import { useEvent } from '@/utils/events';

/** Month, quarter or year, and how many periods back from the current one (0 = now). */
export function usePointsPeriod(initial: Period = 'month') {
  const [period, setPeriodState] = useState<Period>(initial);
  const [offset, setOffset] = useState(0);
  const today = todayInChina();
  const anchor = periodAnchor(period, today, offset);
  return {
    period,
    offset,
    /** A day inside the chosen period (`YYYY-MM-DD`), for the request; undefined for the current one. */
    date: offset === 0 ? undefined : anchor,
    label: periodLabel(period, anchor),
    setPeriod: (p: Period) => {
      setPeriodState(p);
      setOffset(0);
    },
    previous: () => setOffset((o) => o - 1),
    next: () => setOffset((o) => Math.min(0, o + 1)),
  };
}

export type PointsPeriodState = ReturnType<typeof usePointsPeriod>;

/**
 * Opens on a period that has points: when the page was opened without one (`?period=`) and the
 * current month has none yet (early in a month everyone would rank 1), on the quarter, else the year.
 */
export function useOpenOnPeriodWithPoints(
  state: PointsPeriodState,
  ranking: RequestState<PointsOutputs['ranking']>,
  chosen: boolean,
) {
  const settled = useRef(chosen);
  const current = useRef(state);
  current.current = state;
  // Runs when an answer arrives (not when the period changes: the old answer is still shown then).
  useEffect(() => {
    if (settled.current || !ranking.data) return;
    const { period, offset, setPeriod } = current.current;
    const longer = LONGER_PERIOD[period];
    if (offset === 0 && longer && !rankingHasPoints(ranking.data)) setPeriod(longer);
    else settled.current = true;
  }, [ranking.data]);
}

/** The branch's ranking for the chosen period (of some 党员身份 only, when given); reloads when points change. */
export function usePointsRanking(
  orgId: string,
  p: Pick<PointsPeriodState, 'period' | 'date'>,
  statuses?: PartyStatus[],
) {
  const key = statuses?.join(',') ?? '';
  const ranking = useRequest(
    () => getPointsRanking(orgId, p.period, p.date, statuses),
    [orgId, p.period, p.date, key],
    {
      manual: !orgId,
    },
  );
  useEvent('pointsChanged', () => void ranking.reload());
  return ranking;
}

/**
 * For secretaries: what members of the branch see of the ranking (a secretary's own answer is
 * always the full list, so the setting comes from the rules).
 */
export function useMemberVisibilityNote(): string | undefined {
  const rules = useRequest(getPointsRules, []);
  const visibility = rules.data?.settings.rankingVisibility;
  return visibility ? MEMBER_VISIBILITY_NOTE[visibility] : undefined;
}
