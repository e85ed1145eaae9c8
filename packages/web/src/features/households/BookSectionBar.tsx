import type { MessageKey } from '../../i18n/dictionary.vi';
import { useI18n } from '../../i18n/i18n-context';

/** The book's sections in page order; each is a wrapper with this id around its cards. */
export const bookSections = [
  { id: 'book-section-general', label: 'book.sectionGeneral' },
  { id: 'book-section-work', label: 'book.sectionWork' },
  { id: 'book-section-people', label: 'book.sectionPeople' },
  { id: 'book-section-living', label: 'book.sectionLiving' },
  { id: 'book-section-history', label: 'book.sectionHistory' },
] as const satisfies readonly { id: string; label: MessageKey }[];

/**
 * A bar of the book's sections that stays under the header: on a phone the
 * book is some 4,800 px of cards, and the member jumps to the part they need.
 * It scrolls sideways on its own, never the page.
 */
export function BookSectionBar() {
  const { t } = useI18n();
  return (
    <nav className="book-section-bar" aria-label={t('book.sections')} data-testid="book-section-bar">
      {bookSections.map((s) => (
        <a
          key={s.id}
          href={`#${s.id}`}
          data-testid={`book-jump-${s.id.replace('book-section-', '')}`}
          onClick={(event) => {
            // Scrolled here rather than by the hash: the router owns the URL.
            event.preventDefault();
            document.getElementById(s.id)?.scrollIntoView({ block: 'start' });
          }}
        >
          {t(s.label)}
        </a>
      ))}
    </nav>
  );
}
