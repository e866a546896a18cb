export default function TargetsPage() {
  return <div>TargetsPage</div>;
}
