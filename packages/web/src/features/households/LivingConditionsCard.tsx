import { useState } from 'react';
import { Button, Card, Descriptions } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import {
  bookFieldLabels,
  infoDeviceLabels,
  latrineTypeLabels,
  tenureLabels,
  waterSourceLabels,
  type Household,
} from '@caunoi/domain';
import { useIsPhone } from '../../components/use-is-phone';
import { useI18n } from '../../i18n/i18n-context';
import { livingPatch, livingValues, type LivingValues } from './book-form-values';
import { useBookDisplay } from './book-display';
import { LivingFields } from './BookFormFields';
import { SectionEditor } from './SectionEditor';

/** Housing, water, latrine, internet and devices, production and land. */
export function LivingConditionsCard({ household: h, canEdit }: { household: Household; canEdit: boolean }) {
  const { t, label } = useI18n();
  const show = useBookDisplay();
  // Labels above values on a phone: side by side they squeeze a long value into one letter a line.
  const isPhone = useIsPhone();
  const [editing, setEditing] = useState(false);
  const l = (key: string) => label(bookFieldLabels[key]!);
  const devices =
    h.infoDevices === null
      ? show.missing
      : h.infoDevices.length === 0
        ? t('book.none')
        : h.infoDevices.map((d) => label(infoDeviceLabels[d])).join(', ');
  return (
    <Card
      size="small"
      className="section"
      title={t('book.living')}
      extra={
        canEdit ? (
          <Button
            size="small"
            icon={<EditOutlined />}
            onClick={() => setEditing(true)}
            data-testid="edit-living"
          >
            {t('book.edit')}
          </Button>
        ) : null
      }
      data-testid="book-living"
    >
      <Descriptions
        size="small"
        layout={isPhone ? 'vertical' : 'horizontal'}
        column={{ xs: 1, sm: 2, md: 3 }}
        items={[
          { key: 'wall', label: l('wallDurable'), children: show.yesNo(h.wallDurable) },
          { key: 'column', label: l('columnDurable'), children: show.yesNo(h.columnDurable) },
          { key: 'roof', label: l('roofDurable'), children: show.yesNo(h.roofDurable) },
          { key: 'area', label: l('floorAreaM2'), children: show.area(h.floorAreaM2) },
          { key: 'tenure', label: l('tenure'), children: show.pick(tenureLabels, h.tenure) },
          { key: 'water', label: l('waterSource'), children: show.pick(waterSourceLabels, h.waterSource) },
          { key: 'latrine', label: l('latrineType'), children: show.pick(latrineTypeLabels, h.latrineType) },
          { key: 'internet', label: l('internetUse'), children: show.yesNo(h.internetUse) },
          { key: 'devices', label: l('infoDevices'), children: devices },
          { key: 'crops', label: l('crops'), children: show.text(h.crops) },
          { key: 'livestock', label: l('livestock'), children: show.text(h.livestock) },
          { key: 'trade', label: l('trade'), children: show.text(h.trade) },
          { key: 'wage', label: l('wageWork'), children: show.text(h.wageWork) },
          { key: 'land', label: l('landAreaM2'), children: show.area(h.landAreaM2) },
        ]}
      />
      {editing ? (
        <SectionEditor<LivingValues>
          household={h}
          title={t('book.living')}
          onClose={() => setEditing(false)}
          valuesOf={livingValues}
          patchOf={livingPatch}
          testId="edit-living-drawer"
        >
          {() => <LivingFields />}
        </SectionEditor>
      ) : null}
    </Card>
  );
}
