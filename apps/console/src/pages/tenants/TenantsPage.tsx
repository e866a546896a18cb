export default function TenantsPage() {
  return <div>TenantsPage</div>;
}
