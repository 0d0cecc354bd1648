"""The rights of the family (issue 12 §9): everything held on it as JSON and a readable PDF, rectification with a
trail, and erasure of its personal data when the approach's retention period has passed."""
