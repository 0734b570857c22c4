-- The hub's public pages (issue 17): indexes for the public search, the map, the event calendar and the feeds, on
-- published items only (measured with bench/region-search.bench.ts over 100,000 published items).

-- 新着 (the default order of the search and the 新着 feed): newest published first, walked in index order.
CREATE INDEX region_items_public_newest ON region_items (published_at DESC NULLS LAST, id) WHERE status = 'published';

-- A 市町's newest items (the 市町 filter with the default order).
CREATE INDEX region_items_public_municipality_newest ON region_items (municipality_code, published_at DESC NULLS LAST, id)
  WHERE status = 'published';

-- Place: a box of the map, and near a point (its box first, then the distance). Latitude is the range, longitude is
-- checked inside the index; the columns' own statistics tell the planner how many a box holds (a GiST on point(lon,
-- lat) has none, and its guess of 100 rows kept the kind's index out of the plan: 3,000 pages read for 1,000 rows).
-- With the id included, "nearest first" sorts the points within the radius from the index alone (no table reads).
CREATE INDEX region_items_public_place ON region_items (lat, lon) INCLUDE (id) WHERE status = 'published';
CREATE INDEX region_items_public_dataset_place ON region_items (dataset, lat, lon) INCLUDE (id) WHERE status = 'published';

-- Events by their period (one-day events end on their start): a month of the calendar, a date range of the search,
-- the upcoming-events feed and the .ics feed ask which periods overlap theirs.
CREATE INDEX region_items_public_event_period ON region_items USING gist (daterange(start_date, coalesce(end_date, start_date), '[]'))
  WHERE status = 'published' AND dataset = 'event' AND start_date IS NOT NULL;

-- 広域のおすすめ: the few featured items, most recently featured first.
CREATE INDEX region_items_public_featured ON region_items (featured_at DESC NULLS LAST, published_at DESC NULLS LAST, id)
  WHERE status = 'published' AND featured;
