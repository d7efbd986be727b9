import { DEFAULT_RULES, DEFAULT_SETTINGS, type RuleSet, type RuleSetDoc } from '../points/rules';
import type { TxStore } from '../store/port';

/** A committee's rule set: its own, or the defaults until an admin changes them. */
export async function loadRules(store: Pick<TxStore, 'get'>, committeeId: string): Promise<RuleSet> {
  const doc = committeeId ? await store.get<RuleSetDoc>('pointRules', committeeId) : null;
  return doc ? { items: doc.items, settings: doc.settings } : { items: DEFAULT_RULES, settings: DEFAULT_SETTINGS };
}
