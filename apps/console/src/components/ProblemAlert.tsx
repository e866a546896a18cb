import { Alert } from 'antd';

/**
 * A page's problem in words (an action the API refused for a reason not tied to one field),
 * announced to screen readers and closable; nothing when there is none.
 */
export function ProblemAlert({
  problem,
  onClose,
}: {
  problem: string | null;
  onClose: () => void;
}) {
  if (!problem) return null;
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      title={problem}
      closable={{ onClose }}
      style={{ marginBottom: 12 }}
    />
  );
}
