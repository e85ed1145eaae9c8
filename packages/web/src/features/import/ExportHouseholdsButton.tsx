import { useState } from 'react';
import { Alert, Button, Checkbox, Modal } from 'antd';
import { FileExcelOutlined } from '@ant-design/icons';
import {
  defaultHouseholdExportColumns,
  householdExportColumns,
  householdExportLabels,
  type HouseholdExportColumn,
} from '@caunoi/domain';
import { useI18n } from '../../i18n/i18n-context';

/** Picks the columns, then downloads the unit's household list (the server scopes and audits it). */
export function ExportHouseholdsButton({ unitId }: { unitId: number }) {
  const { t, label } = useI18n();
  const [open, setOpen] = useState(false);
  const [columns, setColumns] = useState<HouseholdExportColumn[]>([...defaultHouseholdExportColumns]);
  // In the order of the list, whatever the order of the clicks.
  const ordered = householdExportColumns.filter((c) => columns.includes(c));
  const href = `/api/v1/units/${unitId}/households.xlsx?columns=${ordered.join(',')}`;
  return (
    <>
      <Button icon={<FileExcelOutlined />} onClick={() => setOpen(true)} data-testid="export-households">
        {t('export.button')}
      </Button>
      <Modal
        open={open}
        title={t('export.title')}
        onCancel={() => setOpen(false)}
        footer={
          <a href={href} download onClick={() => setOpen(false)}>
            <Button type="primary" disabled={ordered.length === 0} icon={<FileExcelOutlined />}>
              {t('export.download')}
            </Button>
          </a>
        }
      >
        <p>{t('export.columns')}</p>
        <Checkbox.Group<HouseholdExportColumn>
          value={columns}
          onChange={setColumns}
          options={householdExportColumns.map((c) => ({ value: c, label: label(householdExportLabels[c]) }))}
          style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(220px, 1fr))', gap: 8 }}
        />
        <Alert className="section" type="info" showIcon title={t('export.note')} style={{ marginTop: 16 }} />
      </Modal>
    </>
  );
}
