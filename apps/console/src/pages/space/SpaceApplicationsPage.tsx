export default function SpaceApplicationsPage() {
  return <div>SpaceApplicationsPage</div>;
}
