// Export of the view on screen as a standalone SVG (styles inlined, the art's symbols copied in) or as a PNG drawn
// from it. The one imperative piece of the presenter tools: it reads the DOM as drawn.

const STYLE_PROPS = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-dasharray',
  'stroke-opacity',
  'stroke-linecap',
  'stroke-linejoin',
  'opacity',
  'font-family',
  'font-size',
  'font-weight',
  'font-style',
  'text-anchor',
  'dominant-baseline',
  'paint-order',
  'visibility',
  'display',
  'transform',
  'transform-origin',
] as const;
/** The art's colour variables (see assets/art/*): resolved on each <use> so the symbols keep their colours. */
const ART_VARS = ['--wall', '--roof', '--door', '--shirt', '--plaque', '--gate', '--gatepost', '--c', '--bg'];

/** The SVG element of the view being shown. */
export function currentViewSvg(root: ParentNode = document): SVGSVGElement | null {
  return root.querySelector<SVGSVGElement>('.view svg[data-view]');
}

/** A standalone copy of `svg`: computed styles inlined, referenced symbols included, a background. */
export function standaloneSvg(svg: SVGSVGElement): string {
  const clone = svg.cloneNode(true) as SVGSVGElement;
  const from = [svg, ...svg.querySelectorAll('*')];
  const to = [clone, ...clone.querySelectorAll('*')];
  from.forEach((el, i) => {
    const target = to[i] as SVGElement | undefined;
    if (!target || !(el instanceof SVGElement)) return;
    const style = getComputedStyle(el);
    const parts: string[] = [];
    for (const p of STYLE_PROPS) {
      const v = style.getPropertyValue(p);
      if (v && v !== 'none' ? true : p === 'fill' || p === 'stroke' || p === 'transform') parts.push(`${p}:${v}`);
    }
    if (el.tagName === 'use') for (const v of ART_VARS) {
      const value = style.getPropertyValue(v).trim();
      if (value) parts.push(`${v}:${value}`);
    }
    target.setAttribute('style', parts.join(';'));
    target.removeAttribute('class');
  });
  const ids = new Set([...clone.querySelectorAll('use')].map((u) => (u.getAttribute('href') ?? '').replace(/^#/, '')));
  const defs = document.createElementNS('http://www.w3.org/2000/svg', 'defs');
  for (const id of ids) {
    const symbol = id ? document.getElementById(id) : null;
    if (symbol) defs.appendChild(symbol.cloneNode(true));
  }
  clone.insertBefore(defs, clone.firstChild);
  const background = document.createElementNS('http://www.w3.org/2000/svg', 'rect');
  background.setAttribute('width', '100%');
  background.setAttribute('height', '100%');
  background.setAttribute('fill', getComputedStyle(svg.parentElement ?? svg).backgroundColor || '#ffffff');
  clone.insertBefore(background, defs.nextSibling);
  clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  clone.setAttribute('xmlns:xlink', 'http://www.w3.org/1999/xlink');
  clone.setAttribute('viewBox', `0 0 ${svg.clientWidth} ${svg.clientHeight}`);
  clone.setAttribute('font-family', getComputedStyle(document.documentElement).fontFamily);
  return new XMLSerializer().serializeToString(clone);
}

/** A PNG of the SVG text at `scale` × its size. */
export async function pngOf(svgText: string, width: number, height: number, scale = 2): Promise<Blob> {
  const image = new Image();
  image.width = width;
  image.height = height;
  // img-src allows data: (not blob:) under the app's CSP.
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svgText)}`;
  await image.decode();
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(width * scale);
  canvas.height = Math.round(height * scale);
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('no 2D canvas');
  ctx.scale(scale, scale);
  ctx.drawImage(image, 0, 0, width, height);
  return new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG encoding failed'))), 'image/png'));
}

export function download(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Exports the view being shown; returns the file name. */
export async function exportView(format: 'svg' | 'png', baseName: string): Promise<string> {
  const svg = currentViewSvg();
  if (!svg) throw new Error('no view to export');
  const text = standaloneSvg(svg);
  const name = `${baseName}.${format}`;
  if (format === 'svg') download(new Blob([text], { type: 'image/svg+xml' }), name);
  else download(await pngOf(text, svg.clientWidth, svg.clientHeight), name);
  return name;
}
