import {
  Field,
  Float,
  GraphQLISODateTime,
  ID,
  InputType,
  Int,
  ObjectType,
  registerEnumType,
} from '@nestjs/graphql';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  Min,
} from 'class-validator';
import { TaskStatus } from '../task/task-workflow';
import { Evidence } from './evidence.entity';

export enum EvidenceIntegrityStatusEnum {
  OK = 'ok',
  CORRUPT = 'corrupt',
}
registerEnumType(EvidenceIntegrityStatusEnum, {
  name: 'EvidenceIntegrityStatus',
  description: 'What the last read of the stored content found.',
  valuesMap: {
    OK: { description: '完好（或尚未发现问题）' },
    CORRUPT: {
      description:
        '已损坏: the stored content did not match its SHA-256 or size; downloads are refused',
    },
  },
});

@ObjectType('Evidence', {
  description:
    '佐证材料: one immutable version of one file on a task. Replacing creates a new version; withdrawing keeps the row.',
})
export class EvidenceModel {
  @Field(() => ID) id!: string;
  @Field(() => ID) taskId!: string;
  @Field(() => ID, { description: 'Shared by every version of the same document.' })
  lineageId!: string;
  @Field(() => Int) version!: number;
  @Field(() => ID, { nullable: true }) supersedesId!: string | null;
  @Field(() => ID, { nullable: true }) supersededById!: string | null;
  @Field({ description: 'Neither superseded nor withdrawn.' }) current!: boolean;
  @Field({ description: 'SHA-256 of the content (hex).' }) sha256!: string;
  @Field(() => Float, { description: 'Bytes.' }) size!: number;
  @Field({ description: 'Decided from the content: pdf, ofd, docx, xlsx, doc, xls, jpeg, png.' })
  fileType!: string;
  @Field() mimeType!: string;
  @Field({ description: 'The uploader’s file name (normalised).' }) fileName!: string;
  @Field() description!: string;
  @Field(() => String, { nullable: true, description: '文号' }) documentNumber!: string | null;
  @Field(() => String, { nullable: true, description: '发文机关' }) issuingAuthority!:
    string | null;
  @Field(() => String, { nullable: true, description: '成文日期 (YYYY-MM-DD)' })
  documentDate!: string | null;
  @Field() uploadedBy!: string;
  @Field(() => GraphQLISODateTime) uploadedAt!: Date;
  @Field(() => GraphQLISODateTime, { nullable: true }) withdrawnAt!: Date | null;
  @Field(() => String, { nullable: true }) withdrawnBy!: string | null;
  @Field(() => String, { nullable: true }) withdrawReason!: string | null;
  @Field(() => EvidenceIntegrityStatusEnum, {
    description:
      'CORRUPT once a download, a pack or the integrity check found the stored content damaged: downloads answer EVIDENCE_INTEGRITY, packs list the file in problems.csv.',
  })
  integrityStatus!: EvidenceIntegrityStatusEnum;
  @Field(() => GraphQLISODateTime, {
    nullable: true,
    description: 'When the damage was found (null while OK).',
  })
  corruptAt!: Date | null;
  @Field({ description: 'Download URL (same session).' }) contentUrl!: string;
  @Field({ description: 'PDF and images can be shown inline (contentUrl + ?inline=1).' })
  previewable!: boolean;
}

export function toEvidenceModel(e: Evidence): EvidenceModel {
  return {
    id: e.id,
    taskId: e.taskId,
    lineageId: e.lineageId,
    version: e.version,
    supersedesId: e.supersedesId,
    supersededById: e.supersededById,
    current: !e.supersededById && !e.withdrawnAt,
    sha256: e.sha256,
    size: Number(e.size),
    fileType: e.fileType,
    mimeType: e.mimeType,
    fileName: e.originalName,
    description: e.description,
    documentNumber: e.documentNumber,
    issuingAuthority: e.issuingAuthority,
    documentDate: e.documentDate,
    uploadedBy: e.uploadedBy,
    uploadedAt: e.uploadedAt,
    withdrawnAt: e.withdrawnAt,
    withdrawnBy: e.withdrawnBy,
    withdrawReason: e.withdrawReason,
    integrityStatus:
      e.integrityStatus === 'corrupt'
        ? EvidenceIntegrityStatusEnum.CORRUPT
        : EvidenceIntegrityStatusEnum.OK,
    corruptAt: e.corruptAt,
    contentUrl: `/api/evidence/${e.id}/content`,
    previewable: ['pdf', 'jpeg', 'png'].includes(e.fileType),
  };
}

@ObjectType('EvidenceConnection')
export class EvidenceConnectionModel {
  @Field(() => Int) totalCount!: number;
  @Field(() => [EvidenceModel]) nodes!: EvidenceModel[];
}

@InputType()
export class WithdrawEvidenceInput {
  @Field(() => ID) @IsUUID() evidenceId!: string;
  @Field({ description: '撤回原因' }) @IsString() @MaxLength(500) reason!: string;
}

@InputType({ description: 'Evidence explorer filters (auditors and supervisors).' })
export class EvidenceFilterInput {
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() cycleId?: string;
  @Field({ nullable: true, description: 'A unit; a prefecture includes its counties.' })
  @IsOptional()
  @Matches(/^\d{6}$/)
  unitCode?: string;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(1) articleNumber?: number;
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsIn(Object.values(TaskStatus))
  taskStatus?: TaskStatus;
  @Field({ nullable: true, description: '文号 contains' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  documentNumber?: string;
  @Field({ nullable: true, description: 'Uploaded on or after (YYYY-MM-DD).' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/)
  uploadedFrom?: string;
  @Field({ nullable: true, description: 'Uploaded on or before (YYYY-MM-DD).' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/)
  uploadedTo?: string;
  @Field({ nullable: true, description: 'Include superseded and withdrawn versions.' })
  @IsOptional()
  @IsBoolean()
  includeHistory?: boolean;
}
