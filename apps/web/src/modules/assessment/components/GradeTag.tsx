import { Tag } from 'antd';
import { gradeColor } from '../utils/grade';

export function GradeTag({
  grade,
  bands,
}: {
  grade: string;
  bands?: readonly { grade: string }[];
}) {
  return <Tag color={gradeColor(grade, bands)}>{grade}</Tag>;
}
