"""Card and code input: magstripe, keyboard wedge, serial, camera, routing. Plain Python, no Qt."""
