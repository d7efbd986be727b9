// wx-server-sdk kills the process on an unhandled "missing secretId or secretKey" without these;
// the CloudBase tests point it at a local test double, never at Tencent Cloud.
process.env.TENCENTCLOUD_SECRETID ??= 'test-secret-id';
process.env.TENCENTCLOUD_SECRETKEY ??= 'test-secret-key';
process.env.TZ ??= 'UTC';
