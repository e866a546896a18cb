export default function TenantPage() {
  return <div>TenantPage</div>;
}
