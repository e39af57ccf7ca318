import { Injectable } from '@nestjs/common';

export type SlotUseCounter = (slotId: number) => Promise<number>;

/**
 * How many sessions (cancelled ones too, which keep their history) meet in a slot. Sessions belong to scheduling,
 * which lies above studies, so scheduling registers the count at start-up and studies asks here without importing it.
 */
@Injectable()
export class SlotUsageService {
  private readonly counters: SlotUseCounter[] = [];

  /** Called by scheduling when it starts (onModuleInit). */
  onCount(counter: SlotUseCounter): void {
    this.counters.push(counter);
  }

  async sessionsInSlot(slotId: number): Promise<number> {
    let total = 0;
    for (const counter of this.counters) total += await counter(slotId);
    return total;
  }
}
