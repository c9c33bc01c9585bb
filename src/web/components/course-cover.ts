import type { CourseCategory } from "../../domain/catalogue/values.ts";

/**
 * A course's generated cover: an SVG drawn from its title, category and centre, the same for the
 * same inputs (a hash picks the pattern, so no image needs storing), used when no cover was
 * uploaded. The category sets the palette so a catalogue groups by colour; the title seeds the
 * shapes and gives the large initial; the centre's name runs along the foot. About 1 KB.
 */
export type CoverInput = { title: string; category: CourseCategory; centre: string };

/** Two background stops and an ink per category: blue for disciplines, green for TVET, plum for teachers. */
const palettes: Record<CourseCategory, readonly [string, string, string][]> = {
  discipline: [
    ["#0b5cad", "#1f8fd6", "#ffffff"],
    ["#12407a", "#3a7bd5", "#ffffff"],
    ["#0e6a8a", "#35a3c4", "#ffffff"],
  ],
  tvet: [
    ["#0f6b4b", "#3aa57a", "#ffffff"],
    ["#3c6a12", "#7fae34", "#ffffff"],
    ["#0a5c5c", "#2f9e94", "#ffffff"],
  ],
  teacher_professional_development: [
    ["#6b2c7a", "#b0549c", "#ffffff"],
    ["#8a3b12", "#d9772f", "#ffffff"],
    ["#4b2e83", "#8b6fd1", "#ffffff"],
  ],
};

/** FNV-1a over the UTF-16 code units: small, stable, good enough to spread patterns. */
export function coverHash(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

/** The first strong letter is Hebrew or Arabic script. */
const rightToLeft = /^[^\p{L}]*[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]/u;

const escapeXml = (value: string) =>
  value.replace(/[<>&"']/g, (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;", "'": "&apos;" })[c] ?? c);

/** The first letter a reader would see (a whole grapheme, so an accent or a CJK character stays whole). */
function initial(title: string): string {
  const segments = new Intl.Segmenter(undefined, { granularity: "grapheme" }).segment(title.trim());
  for (const { segment } of segments) if (/\p{L}|\p{N}/u.test(segment)) return segment.toLocaleUpperCase();
  return "·";
}

/** One of four patterns, each a few shapes placed by successive bytes of the hash. */
function pattern(hash: number, ink: string): string {
  const byte = (n: number) => (hash >>> ((n % 4) * 8)) & 0xff;
  const kind = hash % 4;
  const shapes: string[] = [];
  for (let i = 0; i < 5; i++) {
    const x = 60 + ((byte(i) * 7 + i * 53) % 260);
    const y = 10 + ((byte(i + 1) * 5 + i * 37) % 150);
    const r = 18 + (byte(i + 2) % 46);
    const opacity = (0.08 + (byte(i + 3) % 10) / 100).toFixed(2);
    if (kind === 0) shapes.push(`<circle cx="${x}" cy="${y}" r="${r}" fill="${ink}" fill-opacity="${opacity}"/>`);
    else if (kind === 1)
      shapes.push(
        `<rect x="${x - r}" y="${y - r}" width="${r * 2}" height="${r * 2}" rx="${r / 3}" fill="${ink}" fill-opacity="${opacity}" transform="rotate(${byte(i) % 45} ${x} ${y})"/>`,
      );
    else if (kind === 2)
      shapes.push(
        `<circle cx="${x}" cy="${y}" r="${r}" fill="none" stroke="${ink}" stroke-opacity="${(Number(opacity) * 2).toFixed(2)}" stroke-width="6"/>`,
      );
    else shapes.push(`<path d="M${x - r} ${y + r}L${x} ${y - r}L${x + r} ${y + r}Z" fill="${ink}" fill-opacity="${opacity}"/>`);
  }
  return shapes.join("");
}

export function courseCoverSvg({ title, category, centre }: CoverInput): string {
  const hash = coverHash(`${title}\u0000${centre}`);
  const choices = palettes[category];
  const [from, to, ink] = choices[hash % choices.length] ?? choices[0] ?? ["#0b5cad", "#1f8fd6", "#ffffff"];
  const angle = hash % 2 === 0 ? 'x2="1" y2="1"' : 'x1="1" x2="0" y2="1"';
  const foot = centre.length > 34 ? `${centre.slice(0, 33).trimEnd()}…` : centre;
  return [
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 320 180" width="320" height="180">',
    `<defs><linearGradient id="g" ${angle}><stop offset="0" stop-color="${from}"/><stop offset="1" stop-color="${to}"/></linearGradient></defs>`,
    '<rect width="320" height="180" fill="url(#g)"/>',
    pattern(hash, ink),
    `<text x="24" y="112" font-family="system-ui,sans-serif" font-size="76" font-weight="700" fill="${ink}" fill-opacity="0.92">${escapeXml(initial(title))}</text>`,
    `<rect y="140" width="320" height="40" fill="#000" fill-opacity="0.22"/>`,
    // A right-to-left name (Arabic) starts at the right edge and keeps its word order.
    rightToLeft.test(foot)
      ? `<text x="296" y="165" direction="rtl" font-family="system-ui,sans-serif" font-size="14" fill="${ink}">${escapeXml(foot)}</text>`
      : `<text x="24" y="165" font-family="system-ui,sans-serif" font-size="14" fill="${ink}">${escapeXml(foot)}</text>`,
    "</svg>",
  ].join("");
}
