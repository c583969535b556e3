import type { CSSProperties } from 'react';
import type { BulletinDetail } from '../graphql/types';

/**
 * The bulletin as it reads in the DOCX, laid out like the printed 通报 (A4 proportions, 仿宋 body,
 * 黑体 headings, red masthead): the same document blocks the server writes to the Word file, so
 * what is previewed is what is published.
 */
const FANGSONG = '"仿宋_GB2312", "FangSong_GB2312", "仿宋", FangSong, STFangsong, serif';
const HEITI = '"黑体", SimHei, "Noto Sans CJK SC", "Microsoft YaHei", sans-serif';
const XIAOBIAOSONG = '"方正小标宋简体", "FZXiaoBiaoSong-B05S", "宋体", SimSun, STSong, serif';
const RED = '#c00000';

const paper: CSSProperties = {
  background: '#fff',
  color: '#000',
  maxWidth: 794,
  margin: '0 auto',
  padding: '56px 64px',
  boxShadow: '0 1px 6px rgba(0,0,0,0.15)',
  fontFamily: FANGSONG,
  fontSize: 18,
  lineHeight: 1.75,
};
const body: CSSProperties = { textIndent: '2em', margin: 0, textAlign: 'justify' };
const cellStyle: CSSProperties = { border: '1px solid #000', padding: '2px 6px', fontSize: 14 };

export function BulletinPreview({ document: doc }: { document: BulletinDetail['document'] }) {
  return (
    <article style={paper} aria-label={doc.title} data-testid="bulletin-preview">
      <div
        style={{
          textAlign: 'center',
          color: RED,
          fontFamily: XIAOBIAOSONG,
          fontSize: 40,
          letterSpacing: 4,
        }}
      >
        情况通报
      </div>
      <div style={{ textAlign: 'center' }}>{doc.number}</div>
      <div
        style={{
          display: 'flex',
          justifyContent: 'space-between',
          borderBottom: `3px solid ${RED}`,
          paddingBottom: 4,
          marginBottom: 24,
        }}
      >
        <span>{doc.issuingBody}</span>
        <span>{doc.issueDateText}</span>
      </div>
      <h2
        style={{
          textAlign: 'center',
          fontFamily: XIAOBIAOSONG,
          fontSize: 26,
          fontWeight: 'normal',
          lineHeight: 1.5,
        }}
      >
        {doc.title}
      </h2>
      <p style={{ margin: 0 }}>{doc.addressee}</p>
      {doc.blocks.map((block, i) => {
        switch (block.kind) {
          case 'HEADING':
            return (
              <p key={i} style={{ ...body, fontFamily: HEITI }}>
                {block.text}
              </p>
            );
          case 'PARAGRAPH':
            return (
              <p key={i} style={body}>
                {block.text}
              </p>
            );
          case 'NOTE':
            return (
              <p key={i} style={{ fontSize: 14, margin: '4px 0 12px' }}>
                {block.text}
              </p>
            );
          case 'TABLE':
            return (
              <table
                key={i}
                style={{ borderCollapse: 'collapse', width: '100%', margin: '4px 0 12px' }}
              >
                <thead>
                  <tr>
                    {(block.columns ?? []).map((c) => (
                      <th
                        key={c}
                        style={{
                          ...cellStyle,
                          fontFamily: HEITI,
                          fontWeight: 'normal',
                          background: '#e7e6e6',
                        }}
                      >
                        {c}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {(block.rows ?? []).map((row, r) => (
                    <tr key={r}>
                      {row.map((cell, c) => (
                        <td
                          key={c}
                          style={{
                            ...cellStyle,
                            textAlign: block.numeric?.[c] ? 'center' : 'left',
                          }}
                        >
                          {cell}
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            );
          default:
            return null;
        }
      })}
      <div style={{ textAlign: 'right', marginTop: 32, paddingRight: '4em' }}>
        <div>{doc.issuingBody}</div>
        <div>{doc.issueDateText}</div>
      </div>
    </article>
  );
}
