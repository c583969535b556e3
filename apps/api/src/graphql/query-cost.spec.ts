import { buildSchema, parse } from 'graphql';
import { MAX_FIRST } from '../common/page-size';
import { queryCost } from './query-cost';

const schema = buildSchema(`
  type Task { id: ID! status: String! }
  type Query {
    tasks(first: Int): [Task!]!
    task(id: ID!): Task
  }
`);

describe('queryCost, counted once per parsed document when variables cannot change it', () => {
  it('counts a page size given as a variable anew for every request of the same document', () => {
    const document = parse('query ($n: Int) { tasks(first: $n) { id status } }');
    const small = queryCost(schema, document, undefined, { n: 2 });
    const large = queryCost(schema, document, undefined, { n: 40 });
    expect(large).toBeGreaterThan(small);
    expect(large / small).toBeCloseTo(20);
    expect(queryCost(schema, document, undefined, {})).toBeCloseTo((small / 2) * MAX_FIRST);
    expect(queryCost(schema, document, undefined, { n: 2 })).toBe(small);
  });

  it('gives the same cost for a document without page fields, whatever its variables', () => {
    const document = parse('query ($id: ID!) { task(id: $id) { id status } }');
    const first = queryCost(schema, document, undefined, { id: 'a' });
    expect(first).toBeGreaterThan(0);
    expect(queryCost(schema, document, undefined, { id: 'b' })).toBe(first);
    expect(queryCost(schema, document, undefined, {})).toBe(first);
  });

  it('keeps the operations of one document apart', () => {
    const document = parse(`
      query One { task(id: "x") { id } }
      query Two { task(id: "x") { id status } a: task(id: "y") { id status } }
    `);
    const one = queryCost(schema, document, 'One', {});
    const two = queryCost(schema, document, 'Two', {});
    expect(two).toBeGreaterThan(one);
    expect(queryCost(schema, document, 'One', {})).toBe(one);
  });
});
