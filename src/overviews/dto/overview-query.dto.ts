import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { PageQueryDto } from '../../common/paging';
import { POPULATIONS, type Population } from '../overview';
import { EXPORT_FORMATS, type ExportFormat } from '../overview-request';

/** Query strings carry text: "true"/"1"/"on" and "false"/"0"/"off" become booleans, anything else stays and fails validation. */
const toBoolean = ({ value }: { value: unknown }) => {
  if (value === 'true' || value === '1' || value === 'on' || value === true) return true;
  if (value === 'false' || value === '0' || value === 'off' || value === false) return false;
  return value;
};

export class OverviewQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Only this partner organisation (its name). Partners always get their own.' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  organisation?: string;

  @ApiPropertyOptional({ enum: POPULATIONS, default: 'participants' })
  @IsOptional()
  @IsIn(POPULATIONS, { message: `must be one of ${POPULATIONS.join(', ')}` })
  population?: Population;

  @ApiPropertyOptional({
    description: 'Ages in ten-year bands (<25, 25-34, …, 75+). Default: false for researchers, true for partners.',
  })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean({ message: 'must be true or false' })
  ageBands?: boolean;

  @ApiPropertyOptional({
    description: 'Hide composition counts from 1 up to this number (and counts that would give them away).',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(2)
  @Max(100)
  suppressBelow?: number;
}

export class OverviewDownloadQueryDto extends OverviewQueryDto {
  @ApiPropertyOptional({ enum: EXPORT_FORMATS, default: 'json' })
  @IsOptional()
  @IsIn(EXPORT_FORMATS, { message: `must be one of ${EXPORT_FORMATS.join(', ')}` })
  format?: ExportFormat;

  @ApiPropertyOptional({ enum: [';', ',', 'semicolon', 'comma'], default: ';', description: 'CSV only.' })
  @IsOptional()
  @IsIn([';', ',', 'semicolon', 'comma'], { message: 'must be ; or , (or semicolon / comma)' })
  delimiter?: string;
}
