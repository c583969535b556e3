import { canonicalQuery, EMPTY_SHA256, encodePath, signV4 } from './sigv4';

// The worked examples of Amazon S3's "Signature Calculations for the Authorization Header".
const credentials = {
  accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
};
const now = new Date('2013-05-24T00:00:00Z');
const host = 'examplebucket.s3.amazonaws.com';

describe('signV4', () => {
  it('signs GET Object with a Range header as the S3 documentation does', () => {
    const headers = signV4({
      method: 'GET',
      host,
      path: '/test.txt',
      headers: { Range: 'bytes=0-9' },
      payloadSha256: EMPTY_SHA256,
      region: 'us-east-1',
      service: 's3',
      credentials,
      now,
    });
    expect(headers['authorization']).toBe(
      'AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, ' +
        'SignedHeaders=host;range;x-amz-content-sha256;x-amz-date, ' +
        'Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41',
    );
    expect(headers['x-amz-date']).toBe('20130524T000000Z');
  });

  it('signs a query-string request (GET Bucket lifecycle) as the S3 documentation does', () => {
    const headers = signV4({
      method: 'GET',
      host,
      path: '/',
      query: { lifecycle: '' },
      payloadSha256: EMPTY_SHA256,
      region: 'us-east-1',
      service: 's3',
      credentials,
      now,
    });
    expect(headers['authorization']).toContain(
      'Signature=fea454ca298b7da1c68078a5d1bdbfbbe0d65c699e0f91ac7a200a0136783543',
    );
  });

  it('signs ListObjects with parameters as the S3 documentation does', () => {
    const headers = signV4({
      method: 'GET',
      host,
      path: '/',
      query: { prefix: 'J', 'max-keys': '2' },
      payloadSha256: EMPTY_SHA256,
      region: 'us-east-1',
      service: 's3',
      credentials,
      now,
    });
    expect(headers['authorization']).toContain(
      'Signature=34b48302e7b5fa45bde8084f4b7868a86f0a534bc59db6670ed5711ef69dc6f7',
    );
  });

  it('encodes paths once and sorts query parameters', () => {
    expect(encodePath('/bucket/a b/证据(1).pdf')).toBe(
      '/bucket/a%20b/%E8%AF%81%E6%8D%AE%281%29.pdf',
    );
    expect(canonicalQuery({ uploadId: 'x/y', partNumber: '2', uploads: '' })).toBe(
      'partNumber=2&uploadId=x%2Fy&uploads=',
    );
  });
});
