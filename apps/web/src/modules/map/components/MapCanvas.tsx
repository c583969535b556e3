import { useState, type KeyboardEvent, type ReactNode } from 'react';

/** One clickable unit drawn on the map (a tile or a boundary). */
export interface MapShapeInfo {
  code: string;
  name: string;
  /** Tooltip lines after the name. */
  lines: string[];
  /** What a click does, for the accessible name (e.g. 查看所辖县（市、区）). */
  action: string;
  onActivate: () => void;
}

interface Hover {
  code: string;
  x: number;
  y: number;
  /** The largest left offset that keeps the tooltip inside the map. */
  maxLeft: number;
}

export interface MapCanvasProps {
  width: number;
  height: number;
  /** Upper bound of the drawn width in CSS pixels. */
  maxWidth: number;
  label: string;
  shapes: MapShapeInfo[];
  /** Draws one shape; `bind` goes on its outermost SVG element. */
  renderShape: (shape: MapShapeInfo, bind: ShapeBinding) => ReactNode;
  children?: ReactNode;
}

export interface ShapeBinding {
  tabIndex: 0;
  role: 'button';
  'aria-label': string;
  'data-map-tile': string;
  onClick: () => void;
  onKeyDown: (e: KeyboardEvent) => void;
  onMouseMove: (e: { clientX: number; clientY: number; currentTarget: Element }) => void;
  onMouseLeave: () => void;
  onFocus: (e: { currentTarget: Element }) => void;
  onBlur: () => void;
  style: { cursor: 'pointer'; outline: 'none' };
  className: string;
}

/**
 * An SVG map whose shapes are keyboard-accessible buttons (Tab to move, Enter or Space to
 * open), with a tooltip that follows the pointer or the focused shape.
 */
export function MapCanvas({
  width,
  height,
  maxWidth,
  label,
  shapes,
  renderShape,
  children,
}: MapCanvasProps) {
  const [hover, setHover] = useState<Hover | null>(null);
  // Positions relative to the map's box (found from the event, not a ref read in render).
  const at = (from: Element, clientX: number, clientY: number) => {
    const box = from.closest('[data-map-canvas]')?.getBoundingClientRect();
    return box
      ? { x: clientX - box.left, y: clientY - box.top, maxLeft: box.width - 260 }
      : { x: 0, y: 0, maxLeft: 0 };
  };
  const shown = hover && shapes.find((s) => s.code === hover.code);

  return (
    <div
      data-map-canvas
      style={{ position: 'relative', width: '100%', maxWidth, margin: '0 auto' }}
    >
      <style>{`.duty-map-shape:focus-visible > :first-child { stroke: #1f1f1f; stroke-width: 3; }
.duty-map-shape:hover > :first-child { stroke: #1f1f1f; stroke-width: 2; }`}</style>
      <svg
        viewBox={`0 0 ${width} ${height}`}
        width="100%"
        role="group"
        aria-label={label}
        style={{ display: 'block' }}
      >
        {children}
        {shapes.map((shape) =>
          renderShape(shape, {
            tabIndex: 0,
            role: 'button',
            'aria-label': [shape.name, ...shape.lines, shape.action].join('；'),
            'data-map-tile': shape.code,
            onClick: shape.onActivate,
            onKeyDown: (e) => {
              if (e.key === 'Enter' || e.key === ' ') {
                e.preventDefault();
                shape.onActivate();
              }
            },
            onMouseMove: (e) =>
              setHover({ code: shape.code, ...at(e.currentTarget, e.clientX, e.clientY) }),
            onMouseLeave: () => setHover(null),
            onFocus: (e) => {
              const box = e.currentTarget.getBoundingClientRect();
              setHover({
                code: shape.code,
                ...at(e.currentTarget, box.left + box.width / 2, box.bottom),
              });
            },
            onBlur: () => setHover(null),
            style: { cursor: 'pointer', outline: 'none' },
            className: 'duty-map-shape',
          }),
        )}
      </svg>
      {shown && hover && (
        <div
          role="tooltip"
          style={{
            position: 'absolute',
            left: Math.max(0, Math.min(hover.x + 12, hover.maxLeft)),
            top: hover.y + 12,
            width: 248,
            pointerEvents: 'none',
            background: 'rgba(0, 0, 0, 0.85)',
            color: '#fff',
            borderRadius: 6,
            padding: '6px 10px',
            fontSize: 12,
            lineHeight: 1.6,
            zIndex: 10,
          }}
        >
          <div style={{ fontWeight: 600 }}>{shown.name}</div>
          {shown.lines.map((line) => (
            <div key={line}>{line}</div>
          ))}
          <div style={{ opacity: 0.8 }}>{shown.action}</div>
        </div>
      )}
    </div>
  );
}
