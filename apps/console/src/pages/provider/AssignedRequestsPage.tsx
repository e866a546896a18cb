export default function AssignedRequestsPage() {
  return <div>AssignedRequestsPage</div>;
}
