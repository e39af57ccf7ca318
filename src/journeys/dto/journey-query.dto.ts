import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { QUADRANTS, type Quadrant } from '../../common/domain';
import { POPULATIONS, type Population } from '../../overviews/overview';
import { JOURNEY_FORMATS, type JourneyFormat } from '../journey-files';

export class JourneyQueryDto {
  @ApiPropertyOptional({ description: 'Only this partner organisation (its name). Partners always get their own.' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  organisation?: string;

  @ApiPropertyOptional({ enum: QUADRANTS, description: 'Only this quadrant (compare it across organisations).' })
  @IsOptional()
  @IsIn(QUADRANTS, { message: `must be one of ${QUADRANTS.join(', ')}` })
  quadrant?: Quadrant;

  @ApiPropertyOptional({ enum: POPULATIONS, default: 'participants' })
  @IsOptional()
  @IsIn(POPULATIONS, { message: `must be one of ${POPULATIONS.join(', ')}` })
  population?: Population;
}

export class JourneyDownloadQueryDto extends JourneyQueryDto {
  @ApiPropertyOptional({ enum: JOURNEY_FORMATS, default: 'json' })
  @IsOptional()
  @IsIn(JOURNEY_FORMATS, { message: `must be one of ${JOURNEY_FORMATS.join(', ')}` })
  format?: JourneyFormat;

  @ApiPropertyOptional({ enum: [';', ',', 'semicolon', 'comma'], default: ';', description: 'CSV only.' })
  @IsOptional()
  @IsIn([';', ',', 'semicolon', 'comma'], { message: 'must be ; or , (or semicolon / comma)' })
  delimiter?: string;
}
