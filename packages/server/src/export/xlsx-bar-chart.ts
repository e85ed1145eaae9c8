import JSZip from 'jszip';

/**
 * A native Excel bar chart added to a workbook ExcelJS wrote (ExcelJS cannot
 * write charts). The chart's series point at cells of the sheet, so it follows
 * any correction typed into the table; the values are cached in the chart too,
 * so viewers that do not recalculate still draw it.
 */
export interface BarChartSpec {
  /** The worksheet's name, as in its formulas. */
  sheetName: string;
  /** Its part in the package, e.g. `xl/worksheets/sheet1.xml`; it must not have a drawing yet. */
  sheetPart: string;
  title: string;
  /** 1-based rows of the categories and values, inclusive. */
  firstRow: number;
  lastRow: number;
  categories: { column: string; values: string[] };
  series: { name: string; column: string; values: (number | null)[]; color: string }[];
  /** Where the chart sits, in 0-based columns and rows (top left, bottom right). */
  anchor: { fromColumn: number; fromRow: number; toColumn: number; toRow: number };
}

const ns = {
  chart: 'http://schemas.openxmlformats.org/drawingml/2006/chart',
  main: 'http://schemas.openxmlformats.org/drawingml/2006/main',
  rel: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
  drawing: 'http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing',
  package: 'http://schemas.openxmlformats.org/package/2006/relationships',
};

function xml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function range(spec: BarChartSpec, column: string): string {
  const sheet = `'${spec.sheetName.replace(/'/g, "''")}'`;
  return `${sheet}!$${column}$${spec.firstRow}:$${column}$${spec.lastRow}`;
}

function chartXml(spec: BarChartSpec): string {
  const count = spec.lastRow - spec.firstRow + 1;
  const categories = spec.categories.values
    .map((v, i) => `<c:pt idx="${i}"><c:v>${xml(v)}</c:v></c:pt>`)
    .join('');
  const series = spec.series
    .map((s, index) => {
      const points = s.values
        .map((v, i) => (v === null ? '' : `<c:pt idx="${i}"><c:v>${v}</c:v></c:pt>`))
        .join('');
      return (
        `<c:ser><c:idx val="${index}"/><c:order val="${index}"/>` +
        `<c:tx><c:v>${xml(s.name)}</c:v></c:tx>` +
        `<c:spPr><a:solidFill><a:srgbClr val="${s.color}"/></a:solidFill></c:spPr>` +
        `<c:invertIfNegative val="0"/>` +
        `<c:cat><c:strRef><c:f>${xml(range(spec, spec.categories.column))}</c:f>` +
        `<c:strCache><c:ptCount val="${count}"/>${categories}</c:strCache></c:strRef></c:cat>` +
        `<c:val><c:numRef><c:f>${xml(range(spec, s.column))}</c:f>` +
        `<c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="${count}"/>${points}</c:numCache>` +
        `</c:numRef></c:val></c:ser>`
      );
    })
    .join('');
  const title =
    `<c:title><c:tx><c:rich><a:bodyPr/><a:p><a:pPr><a:defRPr sz="1200" b="1"/></a:pPr>` +
    `<a:r><a:rPr lang="vi-VN" sz="1200" b="1"/><a:t>${xml(spec.title)}</a:t></a:r></a:p></c:rich></c:tx>` +
    `<c:overlay val="0"/></c:title>`;
  // Categories top to bottom in the table's order: the category axis runs max to min.
  const axes =
    `<c:catAx><c:axId val="500100"/><c:scaling><c:orientation val="maxMin"/></c:scaling><c:delete val="0"/>` +
    `<c:axPos val="l"/><c:numFmt formatCode="General" sourceLinked="1"/><c:majorTickMark val="out"/>` +
    `<c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/><c:crossAx val="500200"/>` +
    `<c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/>` +
    `<c:noMultiLvlLbl val="0"/></c:catAx>` +
    `<c:valAx><c:axId val="500200"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/>` +
    `<c:axPos val="t"/><c:majorGridlines/><c:numFmt formatCode="General" sourceLinked="0"/>` +
    `<c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>` +
    `<c:crossAx val="500100"/><c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx>`;
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<c:chartSpace xmlns:c="${ns.chart}" xmlns:a="${ns.main}" xmlns:r="${ns.rel}">` +
    `<c:roundedCorners val="0"/><c:chart>${title}<c:autoTitleDeleted val="0"/>` +
    `<c:plotArea><c:layout/><c:barChart><c:barDir val="bar"/><c:grouping val="clustered"/>` +
    `<c:varyColors val="0"/>${series}<c:gapWidth val="60"/>` +
    `<c:axId val="500100"/><c:axId val="500200"/></c:barChart>${axes}</c:plotArea>` +
    `<c:legend><c:legendPos val="t"/><c:overlay val="0"/></c:legend>` +
    `<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart></c:chartSpace>`
  );
}

function drawingXml(spec: BarChartSpec): string {
  const { fromColumn, fromRow, toColumn, toRow } = spec.anchor;
  const at = (tag: string, column: number, row: number) =>
    `<xdr:${tag}><xdr:col>${column}</xdr:col><xdr:colOff>0</xdr:colOff>` +
    `<xdr:row>${row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${tag}>`;
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<xdr:wsDr xmlns:xdr="${ns.drawing}" xmlns:a="${ns.main}">` +
    `<xdr:twoCellAnchor editAs="oneCell">${at('from', fromColumn, fromRow)}${at('to', toColumn, toRow)}` +
    `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="${xml(spec.title)}"/>` +
    `<xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
    `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>` +
    `<a:graphic><a:graphicData uri="${ns.chart}">` +
    `<c:chart xmlns:c="${ns.chart}" xmlns:r="${ns.rel}" r:id="rId1"/>` +
    `</a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor></xdr:wsDr>`
  );
}

const relationships = (items: string) =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${ns.package}">${items}</Relationships>`;

/** The workbook with the chart added to one sheet (one chart per workbook). */
export async function addBarChart(workbook: Buffer, spec: BarChartSpec): Promise<Buffer> {
  const zip = await JSZip.loadAsync(workbook);
  const sheet = await zip.file(spec.sheetPart)?.async('string');
  if (sheet === undefined) throw new Error(`addBarChart: no ${spec.sheetPart}`);
  if (sheet.includes('<drawing ')) throw new Error('addBarChart: the sheet has a drawing already');
  const slash = spec.sheetPart.lastIndexOf('/');
  const sheetRels = `${spec.sheetPart.slice(0, slash)}/_rels/${spec.sheetPart.slice(slash + 1)}.rels`;
  const drawingRel = `<Relationship Id="rIdChartDrawing1" Type="${ns.rel}/drawing" Target="../drawings/drawing1.xml"/>`;
  const existingRels = await zip.file(sheetRels)?.async('string');
  zip.file(
    sheetRels,
    existingRels
      ? existingRels.replace('</Relationships>', `${drawingRel}</Relationships>`)
      : relationships(drawingRel),
  );
  // A worksheet's <drawing> comes after its page setup and before legacy drawings, tables and extensions.
  const before = ['<legacyDrawing', '<legacyDrawingHF', '<picture', '<oleObjects', '<tableParts', '<extLst']
    .map((tag) => sheet.indexOf(tag))
    .filter((i) => i >= 0);
  const at = before.length > 0 ? Math.min(...before) : sheet.lastIndexOf('</worksheet>');
  zip.file(spec.sheetPart, `${sheet.slice(0, at)}<drawing r:id="rIdChartDrawing1"/>${sheet.slice(at)}`);
  zip.file('xl/drawings/drawing1.xml', drawingXml(spec));
  zip.file(
    'xl/drawings/_rels/drawing1.xml.rels',
    relationships(`<Relationship Id="rId1" Type="${ns.rel}/chart" Target="../charts/chart1.xml"/>`),
  );
  zip.file('xl/charts/chart1.xml', chartXml(spec));
  const types = await zip.file('[Content_Types].xml')!.async('string');
  zip.file(
    '[Content_Types].xml',
    types.replace(
      '</Types>',
      '<Override PartName="/xl/drawings/drawing1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>' +
        '<Override PartName="/xl/charts/chart1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>' +
        '</Types>',
    ),
  );
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}
