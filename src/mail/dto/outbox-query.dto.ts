import { Transform, Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { OUTBOX_STATUSES, OutboxStatus } from '../outbox-policy';

export class OutboxQueryDto {
  // The page's filter sends an empty value for "all statuses".
  @IsOptional() @Transform(({ value }) => (value === '' ? undefined : value)) @IsIn(OUTBOX_STATUSES) status?: OutboxStatus;
  @IsOptional() @Type(() => Number) @IsInt() studyId?: number;
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(1000) limit = 200;
  @IsOptional() @Type(() => Number) @IsInt() @Min(0) offset = 0;
}
