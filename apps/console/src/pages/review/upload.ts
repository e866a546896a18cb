import { print } from 'graphql';
import { GRAPHQL_URL, session } from '../../auth/session';
import type { ReviewImportMutation, ReviewImportMutationVariables } from '../../gql/graphql';
import { readUploadAnswer, type UploadAnswer } from '../../lib/review';
import { REVIEW_IMPORT } from './queries';

/**
 * The import's upload. The file travels base64-encoded inside a GraphQL request (the API's
 * `importOutputReports(fileName, contentBase64)`), which for a large file is megabytes: this
 * request goes through XMLHttpRequest rather than Apollo's fetch, because only XMLHttpRequest
 * reports how much of a request body has been sent (`xhr.upload.onprogress`); fetch has no
 * upload progress in browsers. The request carries the session's access token like Apollo's,
 * and is sent once more after a refresh when the API answers UNAUTHENTICATED.
 */

const DOCUMENT = print(REVIEW_IMPORT);

export type UploadPhase = 'UPLOADING' | 'PROCESSING';

export interface UploadHandle {
  promise: Promise<UploadAnswer<ReviewImportMutation>>;
  abort: () => void;
}

export class UploadAborted extends Error {
  constructor() {
    super('upload aborted');
  }
}

export class UploadNetworkError extends Error {
  constructor() {
    super('network error');
  }
}

function send(
  body: string,
  token: string | null,
  onProgress: (phase: UploadPhase, loaded: number, total: number) => void,
  register: (xhr: XMLHttpRequest) => void,
): Promise<UploadAnswer<ReviewImportMutation>> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    register(xhr);
    xhr.open('POST', GRAPHQL_URL);
    xhr.setRequestHeader('content-type', 'application/json');
    if (token) xhr.setRequestHeader('authorization', `Bearer ${token}`);
    xhr.upload.onprogress = (e) =>
      onProgress('UPLOADING', e.loaded, e.lengthComputable ? e.total : 0);
    // The whole body is sent: what remains is the server's checking and writing.
    xhr.upload.onload = () => onProgress('PROCESSING', 1, 1);
    xhr.onload = () =>
      resolve(readUploadAnswer<ReviewImportMutation>(xhr.status, xhr.responseText));
    xhr.onerror = () => reject(new UploadNetworkError());
    xhr.onabort = () => reject(new UploadAborted());
    onProgress('UPLOADING', 0, body.length);
    xhr.send(body);
  });
}

const unauthenticated = (answer: UploadAnswer<unknown>) =>
  answer.kind === 'ERRORS' && answer.errors.some((e) => e.extensions?.code === 'UNAUTHENTICATED');

/** Sends the import; `abort` stops it (the promise then rejects with UploadAborted). */
export function uploadImport(
  variables: ReviewImportMutationVariables,
  onProgress: (phase: UploadPhase, loaded: number, total: number) => void,
): UploadHandle {
  let current: XMLHttpRequest | null = null;
  let aborted = false;
  const register = (xhr: XMLHttpRequest) => {
    current = xhr;
  };
  const body = JSON.stringify({ operationName: 'ReviewImport', query: DOCUMENT, variables });
  const promise = (async () => {
    const first = await send(body, await session.accessToken(), onProgress, register);
    if (!unauthenticated(first)) return first;
    // The account changed since the token was issued: refresh once and send again.
    if (aborted || !(await session.rejected())) return first;
    return send(body, await session.accessToken(), onProgress, register);
  })();
  return {
    promise,
    abort: () => {
      aborted = true;
      current?.abort();
    },
  };
}
