export default function ReportFormPage() {
  return <div>ReportFormPage</div>;
}
