export default function ServiceRequestsPage() {
  return <div>ServiceRequestsPage</div>;
}
