import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { SessionSlot as SessionSlotShape } from './study';

@Entity('session_slot')
export class SessionSlot implements SessionSlotShape {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'integer' })
  studyId: number;

  @Column({ type: Date })
  startsAt: Date;

  @Column({ type: Date })
  endsAt: Date;

  @Column({ type: 'varchar', length: 500, nullable: true })
  onlineUrl: string | null;

  @Column({ type: 'varchar', length: 300, nullable: true })
  location: string | null;

  /** How many groups may meet in this slot at once; null = no limit. */
  @Column({ type: 'integer', nullable: true })
  capacity: number | null;
}
