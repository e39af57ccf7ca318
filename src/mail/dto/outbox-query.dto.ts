import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { emptyAsUndefined, IsDayParam, IsIdParam } from '../../common/list-filters';
import { PageQueryDto } from '../../common/paging';
import { OUTBOX_STATUSES, OutboxStatus } from '../outbox-policy';

export class OutboxQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: OUTBOX_STATUSES })
  @IsOptional()
  @emptyAsUndefined()
  @IsIn(OUTBOX_STATUSES, { message: `must be one of ${OUTBOX_STATUSES.join(', ')}` })
  status?: OutboxStatus;
  @ApiPropertyOptional() @IsOptional() @emptyAsUndefined() @IsIdParam() studyId?: number;
  @ApiPropertyOptional({ example: 'invitation' })
  @IsOptional()
  @emptyAsUndefined()
  @IsString()
  @MaxLength(50)
  @Matches(/^[a-z-]+$/, { message: 'must be a kind of message such as invitation or homework-letter' })
  kind?: string;
  @ApiPropertyOptional({ description: "part of the recipient's address" })
  @IsOptional()
  @emptyAsUndefined()
  @IsString()
  @MaxLength(254)
  recipient?: string;
  @ApiPropertyOptional({ description: 'created from this day (Dutch time), YYYY-MM-DD' })
  @IsOptional()
  @emptyAsUndefined()
  @IsDayParam()
  from?: string;
  @ApiPropertyOptional({ description: 'created up to and including this day (Dutch time), YYYY-MM-DD' })
  @IsOptional()
  @emptyAsUndefined()
  @IsDayParam()
  to?: string;
}
