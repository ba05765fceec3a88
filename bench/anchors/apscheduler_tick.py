#!/usr/bin/python3
"""The anchor runner is compared with: what the user's old stack does on a cron-driven no-op tick.

Reads tasks_config.json and .env, builds an APScheduler CronTrigger per enabled task, asks each
for its next fire after the last run recorded in SQLite, runs nothing (nothing is due) and exits.
Run with Debian's python3-apscheduler: /usr/bin/python3 apscheduler_tick.py HOME
"""
import json
import os
import sqlite3
import sys
from datetime import datetime, timezone

from apscheduler.triggers.cron import CronTrigger


def main(home):
    with open(os.path.join(home, "tasks_config.json"), encoding="utf-8") as f:
        tasks = json.load(f)
    env = {}
    env_file = os.path.join(home, ".env")
    if os.path.exists(env_file):
        with open(env_file, encoding="utf-8") as f:
            for line in f:
                line = line.strip()
                if line and not line.startswith("#") and "=" in line:
                    key, value = line.split("=", 1)
                    env[key.strip()] = value.strip()
    db = sqlite3.connect(os.path.join(home, "apscheduler_anchor.db"))
    db.execute("CREATE TABLE IF NOT EXISTS state (task TEXT PRIMARY KEY, last_run TEXT)")
    now = datetime.now(timezone.utc)
    due = []
    for name, task in tasks.items():
        if name == "$schema" or not task.get("enabled", True) or "cron" not in task:
            continue
        trigger = CronTrigger.from_crontab(task["cron"], timezone=timezone.utc)
        row = db.execute("SELECT last_run FROM state WHERE task = ?", (name,)).fetchone()
        last = datetime.fromisoformat(row[0]) if row else None
        if last is None:
            db.execute("INSERT INTO state VALUES (?, ?)", (name, now.isoformat()))
            continue
        next_fire = trigger.get_next_fire_time(last, now)
        if next_fire is not None and next_fire <= now:
            due.append(name)
    db.commit()
    db.close()
    return 1 if due else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
