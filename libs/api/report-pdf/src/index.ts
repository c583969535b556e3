export * from './truetype';
export * from './subset';
export * from './font-files';
export { FALLBACK_CHARACTERS, FontSet, toUnicodeCMap, type PlacedGlyph } from './font-set';
export * from './report-pdf';
