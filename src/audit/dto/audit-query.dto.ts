import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { LOCALES } from '../../common/domain';
import { emptyAsUndefined, IsDayParam, IsIdParam } from '../../common/list-filters';
import { PageQueryDto } from '../../common/paging';

export class AuditQuery extends PageQueryDto {
  @ApiPropertyOptional() @IsOptional() @emptyAsUndefined() @IsIdParam() studyId?: number;

  @ApiPropertyOptional({ description: 'an action or the start of one: "group" or "group.confirm"' })
  @IsOptional()
  @emptyAsUndefined()
  @IsString()
  @MaxLength(100)
  @Matches(/^[a-z_.]+$/, {
    message: 'must be an action such as group or group.confirm (lowercase letters, dots, underscores)',
  })
  action?: string;

  @ApiPropertyOptional({ description: "part of the actor's e-mail address" })
  @IsOptional()
  @emptyAsUndefined()
  @IsString()
  @MaxLength(254)
  actor?: string;
  @ApiPropertyOptional({ description: 'from this day (Dutch time), YYYY-MM-DD' })
  @IsOptional()
  @emptyAsUndefined()
  @IsDayParam()
  from?: string;
  @ApiPropertyOptional({ description: 'up to and including this day (Dutch time), YYYY-MM-DD' })
  @IsOptional()
  @emptyAsUndefined()
  @IsDayParam()
  to?: string;
}

/** The page also takes the header's language switch. */
export class AuditPageQuery extends AuditQuery {
  @IsOptional() @IsIn(LOCALES) lang?: string;
}
