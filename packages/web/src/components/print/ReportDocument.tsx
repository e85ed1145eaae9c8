import type { ReactNode } from 'react';
import { vietnameseDateLine } from '@caunoi/domain';
import './report-document.css';

/**
 * A printable report in the layout Vietnamese party committees use (Hướng dẫn 36-HD/VPTW on
 * party documents): the issuing committee and number on the left, the party's name and the
 * place-date line on the right, a centred title, the body, then "Nơi nhận" and the signature.
 *
 * Props:
 * - `issuer`: the issuing lines, the superior committee first, e.g.
 *   `['ĐẢNG BỘ HUYỆN GIỒNG RIỀNG', 'ĐẢNG ỦY XÃ THẠNH LỘC']`; the last line is bold and a "*"
 *   is drawn under it, as on the paper form.
 * - `number`: the document number, e.g. `'Số: 125-BC/ĐU'` (shown as written; pass
 *   `'Số: …-BC/ĐU'` for a draft).
 * - `place` and `date` ('YYYY-MM-DD'): give "Thạnh Lộc, ngày 28 tháng 11 năm 2026" in italics.
 * - `title` (upper case by convention, e.g. 'BÁO CÁO') and an optional `subtitle`
 *   ('Kết quả thực hiện mô hình …'), centred.
 * - `children`: the body. Plain `<p>`, `<h3>` and `<table>` are styled for print (borders,
 *   header rows repeated on each page, rows never split); wrap a section in
 *   `<div className="report-page-break" />` to start it on a new page.
 * - `signature`: `{ capacity: 'T/M ĐẢNG ỦY', title: 'BÍ THƯ', name: 'Nguyễn Văn A' }`; the name
 *   may be left empty for a draft to be signed by hand.
 * - `recipients`: the "Nơi nhận" lines, e.g. `['Ban Thường vụ Huyện ủy,', 'Lưu VP.']`.
 *
 * The page is A4 portrait with the usual margins (2 cm top and bottom, 3 cm left, 1.5 cm
 * right); print it with the browser (Ctrl+P → Save as PDF). Anything marked `no-print`
 * (toolbars, buttons) is hidden on paper.
 */
export interface ReportDocumentProps {
  issuer: string[];
  number: string;
  place: string;
  date: string;
  title: string;
  subtitle?: string;
  children: ReactNode;
  signature: { capacity?: string; title: string; name?: string };
  recipients?: string[];
  /** The body's last part, printed on one page with "Nơi nhận" and the signature (never a signature alone). */
  closing?: ReactNode;
}

// The date line is the domain's, so the Excel file writes the same words.
export { vietnameseDateLine };

export function ReportDocument({
  issuer,
  number,
  place,
  date,
  title,
  subtitle,
  children,
  signature,
  recipients,
  closing,
}: ReportDocumentProps) {
  return (
    <article className="report-document" lang="vi">
      <header className="report-header">
        <div className="report-header-left">
          {issuer.map((line, index) => (
            <div key={index} className={index === issuer.length - 1 ? 'report-issuer-main' : undefined}>
              {line}
            </div>
          ))}
          <div className="report-star">*</div>
          <div className="report-number">{number}</div>
        </div>
        <div className="report-header-right">
          <div className="report-party">ĐẢNG CỘNG SẢN VIỆT NAM</div>
          <div className="report-date-line">{vietnameseDateLine(place, date)}</div>
        </div>
      </header>
      <h1 className="report-title">{title}</h1>
      {subtitle && <div className="report-subtitle">{subtitle}</div>}
      <div className="report-subtitle-rule">-----</div>
      <section className="report-body">{children}</section>
      <div className="report-closing">
        {closing ? <section className="report-body">{closing}</section> : null}
        <footer className="report-footer">
          <div className="report-recipients">
            {recipients && recipients.length > 0 && (
              <>
                <div className="report-recipients-label">Nơi nhận:</div>
                {recipients.map((line, index) => (
                  <div key={index}>- {line}</div>
                ))}
              </>
            )}
          </div>
          <div className="report-signature">
            {signature.capacity && <div className="report-signature-capacity">{signature.capacity}</div>}
            <div className="report-signature-title">{signature.title}</div>
            <div className="report-signature-space" />
            {signature.name && <div className="report-signature-name">{signature.name}</div>}
          </div>
        </footer>
      </div>
    </article>
  );
}
