import { DownOutlined, FileExcelOutlined, FileWordOutlined } from '@ant-design/icons';
import { Button, Dropdown } from 'antd';
import { useTranslation } from 'react-i18next';

export interface OfficeDownloadsProps {
  /** What the document is, e.g. 下载考核评分表. */
  label: string;
  /** The same document as DOCX and as XLSX. */
  docxUrl: string;
  xlsxUrl: string;
}

/** One button for a document offices file, offered as Word or Excel (plain links: downloads). */
export function OfficeDownloads({ label, docxUrl, xlsxUrl }: OfficeDownloadsProps) {
  const { t } = useTranslation();
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items: [
          {
            key: 'docx',
            icon: <FileWordOutlined />,
            label: <a href={docxUrl}>{t('common.officeDocx')}</a>,
          },
          {
            key: 'xlsx',
            icon: <FileExcelOutlined />,
            label: <a href={xlsxUrl}>{t('common.officeXlsx')}</a>,
          },
        ],
      }}
    >
      <Button icon={<FileWordOutlined />}>
        {label} <DownOutlined />
      </Button>
    </Dropdown>
  );
}
