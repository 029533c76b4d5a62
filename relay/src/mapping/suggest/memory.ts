import type { System } from '../definition.js';

/** One mapping an admin accepted before (from Sync_Mapping__c history or the designer). */
export interface AcceptedMapping {
  sourceSystem: System;
  sourceObject: string;
  sourceField: string;
  targetSystem: System;
  targetObject: string;
  targetField: string;
  count: number;
}

/** Memory of accepted mappings, behind a port (the store implements it). */
export interface AcceptedMappingsPort {
  /** Accepted pairs for these two systems, any objects (the suggester prefers same-object pairs; the store lists the most accepted first). */
  accepted(sourceSystem: System, targetSystem: System): Promise<readonly AcceptedMapping[]>;
  /** Counts one more acceptance of this pair (same systems, objects and fields → count + 1). */
  record?(m: Omit<AcceptedMapping, 'count'>): Promise<void>;
  /** Records several acceptances at once (the durable store does it in one transaction). */
  recordMany?(ms: readonly Omit<AcceptedMapping, 'count'>[]): Promise<void>;
}

export class InMemoryAcceptedMappings implements AcceptedMappingsPort {
  private readonly list: AcceptedMapping[] = [];
  async accepted(sourceSystem: System, targetSystem: System): Promise<readonly AcceptedMapping[]> {
    return this.list.filter((m) => m.sourceSystem === sourceSystem && m.targetSystem === targetSystem);
  }
  async record(m: Omit<AcceptedMapping, 'count'>): Promise<void> {
    const same = this.list.find((x) => x.sourceObject === m.sourceObject && x.sourceField === m.sourceField && x.targetObject === m.targetObject && x.targetField === m.targetField && x.sourceSystem === m.sourceSystem && x.targetSystem === m.targetSystem);
    if (same) same.count++;
    else this.list.push({ ...m, count: 1 });
  }
}
