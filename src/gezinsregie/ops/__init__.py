"""Operations: health endpoints for load balancers, the worker's heartbeat, structured logs and the production
checks (issue 11). Holds no personal data and reads none."""
