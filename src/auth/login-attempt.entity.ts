import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** Failed logins, counted per IP and per account to throttle guessing; kept in the database so all app instances agree. */
@Entity('login_attempt')
export class LoginAttempt {
  @PrimaryGeneratedColumn()
  id: number;

  /** "ip:<address>" or "account:<lowercased e-mail>" */
  @Column({ type: 'varchar', length: 300 })
  key: string;

  @Column({ type: Date })
  attemptedAt: Date;
}
