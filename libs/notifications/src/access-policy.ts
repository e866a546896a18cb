// Who reads which notifications and webhook rows and fields (the one access policy of @jcv/shared).
// Each part of the lib adds its types' entries below.
export {};
