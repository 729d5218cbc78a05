"""Files in and out: checklist files, roster files, spreadsheets. No SQL, no Qt."""
