export default function PoliciesPage() {
  return <div>PoliciesPage</div>;
}
