import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A login. Only the SHA-256 of the cookie's random token is stored, so a database leak does not leak sessions. */
@Entity('login_session')
export class LoginSession {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  tokenHash: string;

  @Column({ type: 'integer' })
  userId: number;

  @Column({ type: Date })
  createdAt: Date;

  @Column({ type: Date })
  expiresAt: Date;
}
