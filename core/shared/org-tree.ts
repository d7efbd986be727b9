import type { OrgKind } from '../../contracts/common';

export interface OrgRecord {
  id: string;
  name: string;
  kind: OrgKind;
  parentId: string | null;
  /** 已撤销: still resolves names and scope, takes no new members or child nodes. */
  archived?: boolean;
}

/** The org tree (党委 → 党支部 → 党小组) with the lookups scope checks need. */
export class OrgTree {
  private readonly byId: Map<string, OrgRecord>;

  constructor(orgs: OrgRecord[]) {
    this.byId = new Map(orgs.map((org) => [org.id, org]));
  }

  get(id: string): OrgRecord | undefined {
    return this.byId.get(id);
  }

  all(): OrgRecord[] {
    return [...this.byId.values()];
  }

  /** The org itself, then its parent, up to the root. */
  lineage(id: string): OrgRecord[] {
    const chain: OrgRecord[] = [];
    const seen = new Set<string>();
    for (
      let org = this.byId.get(id);
      org && !seen.has(org.id);
      org = org.parentId ? this.byId.get(org.parentId) : undefined
    ) {
      seen.add(org.id);
      chain.push(org);
    }
    return chain;
  }

  /** Whether `id` is `ancestorId` or lies in its subtree. */
  isWithin(id: string, ancestorId: string): boolean {
    return this.lineage(id).some((org) => org.id === ancestorId);
  }

  nearest(id: string, kind: OrgKind): OrgRecord | undefined {
    return this.lineage(id).find((org) => org.kind === kind);
  }

  /** Whether any committee exists: an environment without one still needs 初始化. */
  hasCommittee(): boolean {
    return this.all().some((org) => org.kind === 'committee');
  }

  children(id: string): OrgRecord[] {
    return this.all().filter((org) => org.parentId === id);
  }
}
