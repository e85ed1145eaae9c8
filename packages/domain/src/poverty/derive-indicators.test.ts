import { describe, expect, it } from 'vitest';
import { classifyPoverty } from './classify-poverty.js';
import { deriveIndicators, reviewIndicators, type BookFacts, type FactPerson } from './derive-indicators.js';
import { povertyStandardFor } from './poverty-standards.js';

const person = (birthYear: number | null, extra: Partial<FactPerson> = {}): FactPerson => ({
  birthYear,
  healthInsurance: true,
  inSchool: null,
  schoolingLevel: null,
  workingCapacity: 'full',
  disability: 'none',
  ...extra,
});

const book = (extra: Partial<BookFacts> = {}): BookFacts => ({
  people: [person(1980), person(1982)],
  wallDurable: true,
  columnDurable: true,
  roofDurable: true,
  floorAreaM2: 60,
  waterSource: 'piped',
  latrineType: 'flush_septic',
  internetUse: true,
  infoDevices: ['tv', 'smartphone'],
  ...extra,
});

const y2026 = povertyStandardFor(2026)!;
const y2027 = povertyStandardFor(2027)!;
const indicator = (facts: BookFacts, key: string, year = 2026) =>
  deriveIndicators(year >= 2027 ? y2027 : y2026, year, facts).find((d) => d.key === key)!;

describe('indicators from the tracking book', () => {
  it('health insurance: anyone aged 6 or over without a card, counted in the review year', () => {
    const turnsSix = book({ people: [person(1980), person(2020, { healthInsurance: false })] });
    expect(indicator(turnsSix, 'healthInsurance')).toMatchObject({ deprived: true });
    expect(indicator(turnsSix, 'healthInsurance').reason.vi).toContain('1 người từ 6 tuổi');
    const five = book({ people: [person(1980), person(2021, { healthInsurance: false })] });
    expect(indicator(five, 'healthInsurance').deprived).toBe(false);
    const unknown = book({ people: [person(1980), person(1990, { healthInsurance: null })] });
    expect(indicator(unknown, 'healthInsurance').deprived).toBeNull();
  });

  it('floor area per person under 8 m²: 32 m² for 4 is fine, 31.9 m² is not', () => {
    const four = [person(1980), person(1982), person(2010), person(2012)];
    expect(indicator(book({ people: four, floorAreaM2: 32 }), 'housingArea').deprived).toBe(false);
    const tight = indicator(book({ people: four, floorAreaM2: 31.9 }), 'housingArea');
    expect(tight.deprived).toBe(true);
    expect(tight.reason.vi).toContain('dưới 8 m²');
    expect(indicator(book({ floorAreaM2: null }), 'housingArea').deprived).toBeNull();
  });

  it('housing quality: 2 of the 3 main structures not durable', () => {
    expect(indicator(book({ wallDurable: false, roofDurable: false }), 'housingQuality').deprived).toBe(true);
    expect(indicator(book({ wallDurable: false }), 'housingQuality').deprived).toBe(false);
    expect(indicator(book({ wallDurable: false, roofDurable: null }), 'housingQuality').deprived).toBeNull();
  });

  it('water, latrine, internet and devices from the book', () => {
    expect(indicator(book({ waterSource: 'surface' }), 'water').deprived).toBe(true);
    expect(indicator(book({ waterSource: 'rainwater' }), 'water').deprived).toBe(false);
    expect(indicator(book({ latrineType: 'over_water' }), 'latrine').deprived).toBe(true);
    expect(indicator(book({ latrineType: 'biogas' }), 'latrine').deprived).toBe(false);
    expect(indicator(book({ internetUse: false }), 'telecom').deprived).toBe(true);
    expect(indicator(book({ infoDevices: [] }), 'informationDevices').deprived).toBe(true);
    expect(indicator(book({ infoDevices: null }), 'informationDevices').deprived).toBeNull();
  });

  it('children of 3 to under 16 out of school; young adults below the level for their age', () => {
    const child = book({ people: [person(1980), person(2016, { inSchool: false })] });
    expect(indicator(child, 'childSchooling').deprived).toBe(true);
    const sixteen = book({ people: [person(1980), person(2010, { inSchool: false })] });
    expect(indicator(sixteen, 'childSchooling').deprived).toBe(false);
    const dropout = book({
      people: [person(1980), person(2004, { inSchool: false, schoolingLevel: 'lower_secondary' })],
    });
    expect(indicator(dropout, 'adultEducation').deprived).toBe(true);
    const student = book({
      people: [person(1980), person(2004, { inSchool: true, schoolingLevel: 'primary' })],
    });
    expect(indicator(student, 'adultEducation').deprived).toBe(false);
  });

  it('dependants: more than half, not exactly half', () => {
    const half = book({ people: [person(1980), person(1982), person(2015), person(1950)] });
    expect(indicator(half, 'dependants').deprived).toBe(false);
    const more = book({
      people: [person(1980), person(2015), person(1950), person(1990, { workingCapacity: 'none' })],
    });
    expect(indicator(more, 'dependants').deprived).toBe(true);
  });

  it("follows the year's standard: 12 indicators in 2026, waste treatment instead of devices in 2027", () => {
    const d2026 = deriveIndicators(y2026, 2026, book());
    expect(d2026.map((d) => d.key)).toEqual(y2026.indicators);
    const d2027 = deriveIndicators(y2027, 2027, book());
    expect(d2027.map((d) => d.key)).not.toContain('informationDevices');
    expect(d2027.find((d) => d.key === 'wasteTreatment')?.deprived).toBeNull();
    // What the book never records stays for the review to decide.
    expect(d2026.find((d) => d.key === 'nutrition')?.deprived).toBeNull();
    expect(d2026.find((d) => d.key === 'employment')?.deprived).toBeNull();
  });
});

describe('facts and the manual answer, both kept', () => {
  it('the answer wins, unknown counts as not deprived, and the result classifies', () => {
    const facts = book({
      people: [person(1980, { healthInsurance: false }), person(1982)],
      waterSource: 'surface',
      floorAreaM2: 10,
    });
    const derived = deriveIndicators(y2026, 2026, facts);
    const reviewed = reviewIndicators(derived, { water: false, nutrition: true });
    const water = reviewed.find((r) => r.key === 'water')!;
    expect(water).toMatchObject({ deprived: true, override: false, counted: false });
    const nutrition = reviewed.find((r) => r.key === 'nutrition')!;
    expect(nutrition).toMatchObject({ deprived: null, override: true, counted: true });
    const employment = reviewed.find((r) => r.key === 'employment')!;
    expect(employment).toMatchObject({ deprived: null, override: null, counted: false });
    const counted = reviewed.filter((r) => r.counted).map((r) => r.key);
    expect(counted).toEqual(['nutrition', 'healthInsurance', 'housingArea']);
    expect(
      classifyPoverty({
        year: 2026,
        areaType: 'rural',
        monthlyIncomePerCapita: 1_200_000,
        deprivations: counted,
      }),
    ).toMatchObject({ classification: 'poor', deprivationCount: 3 });
  });
});
