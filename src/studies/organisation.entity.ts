import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { Organisation as OrganisationShape } from './study';

/** A public service organisation; it can take part in several studies. */
@Entity('organisation')
export class Organisation implements OrganisationShape {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 200, unique: true })
  name: string;
}
