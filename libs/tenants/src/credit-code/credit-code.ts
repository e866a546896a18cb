// The rule lives in its own lib, @jcv/credit-code, so that the web console can run it too; the
// tenants lib keeps exporting it as before.
export * from '@jcv/credit-code';
